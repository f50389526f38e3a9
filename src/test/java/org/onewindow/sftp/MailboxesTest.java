package org.onewindow.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxesTest {
    @TempDir
    Path root;

    @Test
    void aReplyAppearsInTheOutboxUnderItsNameOnlyWithNoTemporaryFileLeft() throws Exception {
        Mailboxes mailboxes = new Mailboxes(root);
        mailboxes.deliver("24536806", "NX5106-abc.xml", "<x/>".getBytes(StandardCharsets.UTF_8));
        mailboxes.deliver("24536806", "NX5106-abc.xml", "<y/>".getBytes(StandardCharsets.UTF_8));

        Path outbox = root.resolve("24536806/outbox");
        try (var files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("NX5106-abc.xml");
        }
        assertThat(Files.readString(outbox.resolve("NX5106-abc.xml"))).isEqualTo("<y/>");
        assertThat(root.resolve("24536806/inbox")).isDirectory();
        assertThat(root.resolve("24536806/archive")).isDirectory();
    }

    @Test
    void anArchivedUploadKeepsItsNameAndASecondOneOfTheSameNameIsKeptToo() throws Exception {
        Mailboxes mailboxes = new Mailboxes(root);
        for (int i = 0; i < 2; i++) {
            Path upload = Files.writeString(mailboxes.folder("12345675", Mailboxes.INBOX).resolve("d.xml"), "<d" + i + "/>");
            mailboxes.archive(new InboxWatch.Upload("12345675", upload));
        }
        try (var files = Files.list(root.resolve("12345675/archive"))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(2).contains("d.xml");
        }
        assertThat(root.resolve("12345675/inbox/d.xml")).doesNotExist();
    }

    @Test
    void namesThatCouldLeaveTheMailboxRootAreNoParty() {
        assertThat(Mailboxes.isPartyName("24536806")).isTrue();
        assertThat(Mailboxes.isPartyName("CD")).isTrue();
        assertThat(Mailboxes.isPartyName("..")).isFalse();
        assertThat(Mailboxes.isPartyName(".hidden")).isFalse();
        assertThat(Mailboxes.isPartyName("a/b")).isFalse();
        assertThat(Mailboxes.isPartyName(null)).isFalse();
        assertThatThrownBy(() -> new Mailboxes(root).home("..")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void temporaryNamesMarkUploadsInProgress() {
        assertThat(Mailboxes.inProgress(".declaration.xml")).isTrue();
        assertThat(Mailboxes.inProgress("declaration.xml.tmp")).isTrue();
        assertThat(Mailboxes.inProgress("declaration.xml.part")).isTrue();
        assertThat(Mailboxes.inProgress("declaration.xml.filepart")).isTrue();
        assertThat(Mailboxes.inProgress("declaration.xml")).isFalse();
    }
}
