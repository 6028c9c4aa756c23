package com.recoverydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A feature that validates its request body with {@code @Valid} gets the same 400 as hand-made checks: one entry per
 * bad field with the constraint as its code. (No endpoint uses bean validation yet, so this drives the handler.)
 */
class BeanValidationProblemsTest {

    record Form(@NotBlank String chain, @PositiveOrZero Integer logIndex) {
    }

    @SuppressWarnings("unused")
    void handler(Form form) {
    }

    @Test
    void namesEachFieldThatBeanValidationRefused() throws Exception {
        Form form = new Form(" ", -3);
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "form");
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        new SpringValidatorAdapter(validator).validate(form, binding);
        Method handler = getClass().getDeclaredMethod("handler", Form.class);
        MethodArgumentNotValidException invalid = new MethodArgumentNotValidException(new MethodParameter(handler, 0), binding);

        ResponseEntity<Object> response = new ProblemResponses().handleMethodArgumentNotValid(invalid, new HttpHeaders(),
                HttpStatus.BAD_REQUEST, new ServletWebRequest(new MockHttpServletRequest()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "INVALID_REQUEST");
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) problem.getProperties().get("errors");
        assertThat(errors).extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("chain", "NOT_BLANK"),
                        org.assertj.core.groups.Tuple.tuple("logIndex", "POSITIVE_OR_ZERO"));
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void turnsAConstraintNameIntoAMachineCode() {
        assertThat(ProblemResponses.constraintCode(new String[] {"NotBlank.form.chain", "NotBlank"})).isEqualTo("NOT_BLANK");
        assertThat(ProblemResponses.constraintCode(new String[0])).isEqualTo("INVALID");
    }
}
