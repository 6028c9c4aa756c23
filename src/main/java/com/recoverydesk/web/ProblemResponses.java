package com.recoverydesk.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.recoverydesk.people.CustomerMessages;
import com.recoverydesk.people.Languages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.recoverydesk.paging.InvalidPaging;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.Errors;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as {@code application/problem+json}: a machine {@code code}, a {@code detail} a person
 * understands, and for bad input {@code errors}, one entry per bad field.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final CustomerMessages messages;

    @org.springframework.beans.factory.annotation.Autowired
    ProblemResponses(CustomerMessages messages) {
        this.messages = messages;
    }

    /** Without bundles: every sentence in English, as the code writes it (unit tests of the mapping). */
    ProblemResponses() {
        this(null);
    }

    private boolean inEnglish(Locale language) {
        return messages == null || Languages.resolve(language.toLanguageTag()).equals(Languages.ENGLISH);
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e, Locale language) {
        String detail = "The request has " + e.errors().size() + " mistake(s); each is named under 'errors'.";
        if (inEnglish(language)) {
            return badRequest(detail, e.errors());
        }
        // customers reading another language get the sentences the bundles have (field.<field>.<CODE>); the codes stay
        return badRequest(messages.textOr("problem.INVALID_REQUEST", detail, language, String.valueOf(e.errors().size())),
                e.errors().stream().map(f -> new FieldError(f.field(), f.code(),
                        messages.textOr("field." + f.field() + "." + f.code(), f.message(), language))).toList());
    }

    @ExceptionHandler(InvalidPaging.class)
    ProblemDetail invalidPaging(InvalidPaging e) {
        List<FieldError> errors = e.parameters().stream().map(p -> new FieldError(p.name(), p.code(), p.message())).toList();
        return badRequest("The request has " + errors.size() + " mistake(s); each is named under 'errors'.", errors);
    }

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail refused(ApiProblem e, Locale language) {
        String detail = inEnglish(language) ? e.getMessage()
                : messages.textOr("problem." + e.code(), e.getMessage(), language);
        ProblemDetail problem = problem(e.status(), e.code(), detail);
        problem.setTitle(e.title());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(BodyTooLarge.class)
    ProblemDetail tooLarge(BodyTooLarge e) {
        return badRequest("The request body is larger than " + e.limit() + " bytes.",
                List.of(new FieldError("body", "BODY_TOO_LARGE", "Send at most " + e.limit() + " bytes.")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Jackson wraps what the size-limited stream throws, as deep as the parser happened to be.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return ResponseEntity.badRequest().body(tooLarge(tooLarge));
            }
        }
        FieldError error = fieldErrorOf(e.getCause());
        return ResponseEntity.badRequest().body(badRequest(error.message(), List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String sent = e.getContentType() == null ? "no content type" : e.getContentType().toString();
        FieldError error = new FieldError("Content-Type", "UNSUPPORTED_CONTENT_TYPE",
                "Send the body as application/json (it was " + sent + ").");
        return ResponseEntity.badRequest().body(badRequest(error.message(), List.of(error)));
    }

    /** Bean validation of a request body ({@code @Valid}): one entry per bad field, named as the JSON names it. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return invalidFields(fieldErrorsOf(e.getBindingResult()));
    }

    /** Method validation ({@code @Validated} parameters, or constraints on {@code @RequestParam}s). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bound) {
                errors.addAll(fieldErrorsOf(bound));
                continue;
            }
            String name = parameterName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldError(name, constraintCode(error.getCodes()), messageOf(error)));
            }
        }
        return invalidFields(errors);
    }

    /** A query parameter or path segment that does not convert (a word where a number belongs). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName() == null ? "request" : e.getPropertyName();
        return invalidFields(List.of(new FieldError(field, "WRONG_TYPE", "This value has the wrong type.")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return invalidFields(List.of(new FieldError(e.getParameterName(), "REQUIRED", "This parameter is required.")));
    }

    /**
     * A refusal from method security inside a controller: the same 403 the URL rules give, not a 500. An anonymous
     * caller's refusal is handed back to Spring Security, whose entry point asks them to sign in (401).
     */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            throw e;
        }
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this.");
    }

    /** Spring's own errors (404, 405, …): add the machine code every problem carries. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeOf(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side. Nothing you did caused it; please try again shortly.");
    }

    private ResponseEntity<Object> invalidFields(List<FieldError> errors) {
        return ResponseEntity.badRequest().body(badRequest("The request has " + errors.size() + " mistake(s); each is named under 'errors'.", errors));
    }

    private static List<FieldError> fieldErrorsOf(Errors binding) {
        List<FieldError> errors = new ArrayList<>();
        for (ObjectError error : binding.getAllErrors()) {
            String field = error instanceof org.springframework.validation.FieldError bad ? bad.getField() : binding.getObjectName();
            errors.add(new FieldError(field, constraintCode(error.getCodes()), messageOf(error)));
        }
        return errors;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName() == null ? "request" : parameter.getParameterName();
    }

    /** {@code NotBlank.form.name} becomes {@code NOT_BLANK}: the constraint, as a machine code. */
    static String constraintCode(String[] codes) {
        if (codes == null || codes.length == 0) {
            return "INVALID";
        }
        String constraint = codes[codes.length - 1];
        return constraint.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "This value is not accepted." : error.getDefaultMessage();
    }

    private static FieldError fieldErrorOf(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "UNKNOWN_FIELD", "'" + unknown.getPropertyName() + "' is not a field of this request.");
        }
        if (cause instanceof InvalidFormatException | cause instanceof MismatchedInputException) {
            MismatchedInputException mismatch = (MismatchedInputException) cause;
            return new FieldError(path(mismatch), "WRONG_TYPE", "This field has the wrong type of value.");
        }
        return new FieldError("body", "MALFORMED_JSON", "The body is not valid JSON.");
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "body" : path;
    }

    private static ProblemDetail badRequest(String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    private static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name().toUpperCase(Locale.ROOT);
    }
}
