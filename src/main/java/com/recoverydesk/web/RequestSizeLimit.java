package com.recoverydesk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over 64 KiB before they are read: nothing the API takes is that large, and a
 * huge body should cost the server nothing. A body without a declared length is cut off as it is read. The
 * operators' bulk import is the one exception: its cap of 1000 entries needs about 400 KiB.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    static final long LIMIT = 64 * 1024;
    static final long BULK_IMPORT_LIMIT = 1024 * 1024;
    private static final String BULK_IMPORT = "/api/v1/admin/credited-deposits";
    private static final String STREAMED_IMPORT = "/api/v1/admin/deposit-addresses";

    private final ObjectMapper json;

    RequestSizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the deposit-address import streams its body, with a limit of its own (recovery.deposit-addresses.import-max-size)
        return !request.getRequestURI().startsWith("/api/")
                || ("POST".equals(request.getMethod()) && STREAMED_IMPORT.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = BULK_IMPORT.equals(request.getRequestURI()) ? BULK_IMPORT_LIMIT : LIMIT;
        if (request.getContentLengthLong() > limit) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "The request body is larger than " + limit + " bytes.");
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(new FieldError("body", "BODY_TOO_LARGE", "Send at most " + limit + " bytes.")));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new BodyTooLarge(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new BodyTooLarge(limit);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
