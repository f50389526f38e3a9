package org.onewindow.delegation;

/** A delegation request the hub refuses: the HTTP status and the readable detail that says what to fix. */
public final class DelegationProblem extends RuntimeException {
    private final int status;

    public DelegationProblem(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static DelegationProblem badRequest(String detail) {
        return new DelegationProblem(400, detail);
    }

    static DelegationProblem notFound(String id) {
        return new DelegationProblem(404, "No delegation " + id + " of yours");
    }
}
