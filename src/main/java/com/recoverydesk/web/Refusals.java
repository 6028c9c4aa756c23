package com.recoverydesk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an API operation really answers with, besides its success, for the API description
 * ({@link ApiDocumentation}); 401 is added to every operation that needs a signed-in caller.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refusals {

    Refusal[] value() default {};

    /** The success is {@code 201 Created} with a {@code Location}, not {@code 200}. */
    boolean created() default false;

    /** With {@link #created()}: an upsert, which answers {@code 201} when it created and {@code 200} when it knew the resource. */
    boolean orOk() default false;
}
