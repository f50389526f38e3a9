package org.onewindow.intake;

import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads an HTTP request body as it streams in, never more than the size limit plus one byte into
 * memory. The platform-http endpoint hands over the Vert.x request paused and unread
 * ({@code useBodyHandler=false}); this resumes it and collects its {@link BodyHead}. A body over the
 * limit is known as such at its first excess byte; the rest is still drained (and dropped) so the
 * sender, still sending, can read the 413 answer on the same connection.
 */
final class HttpBody {
    private HttpBody() {
    }

    /**
     * The head of the request's body, once the body has ended or is known to be too large.
     *
     * @throws TimeoutException when the sender has not sent that much within {@code wait}
     * @throws IllegalStateException when the connection fails while the body arrives
     */
    static BodyHead read(HttpServerRequest request, int maxBytes, Duration wait) throws InterruptedException, TimeoutException {
        BodyHead head = new BodyHead(maxBytes);
        CompletableFuture<BodyHead> read = new CompletableFuture<>();
        request.handler(chunk -> {
            if (!read.isDone() && !head.add(chunk.getBytes(), 0, chunk.length())) {
                read.complete(head);
            }
        });
        request.endHandler(end -> read.complete(head));
        request.exceptionHandler(read::completeExceptionally);
        request.resume();
        try {
            return read.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The request body could not be read", e.getCause());
        }
    }
}
