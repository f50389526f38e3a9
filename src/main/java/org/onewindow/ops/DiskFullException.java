package org.onewindow.ops;

import org.onewindow.message.ErrorCode;

/**
 * A message the hub did not take because its disk is nearly full ({@link DiskSpaceGuard}): nothing was stored, and
 * the channel leaves the message with its sender (an SFTP upload stays in the inbox for the sweep). Not a fault of
 * the hub, so it is not logged as one.
 */
public final class DiskFullException extends IllegalStateException {
    public DiskFullException() {
        super(ErrorCode.STORAGE_FULL.code() + " " + ErrorCode.STORAGE_FULL.text());
    }
}
