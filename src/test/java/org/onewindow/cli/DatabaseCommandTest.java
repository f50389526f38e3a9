package org.onewindow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.infra.Database;
import org.onewindow.infra.HubSettings;
import org.onewindow.store.Jdbc;
import org.onewindow.store.TestDatabases;

/**
 * {@code db compact} on a stopped hub's embedded H2: the space of deleted bodies goes back to the file system and
 * what is live stays; a missing database and a wrong command line are told apart.
 */
class DatabaseCommandTest {
    @TempDir
    Path dir;

    @Test
    void compactingGivesBackTheSpaceOfDeletedBodiesAndKeepsTheRest() throws Exception {
        HubSettings settings = TestDatabases.settings("h2", dir);
        byte[] body = new byte[20_000];
        Arrays.fill(body, (byte) 'x');
        try (Database database = new Database(settings)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            for (int i = 0; i < 2_000; i++) {
                jdbc.update("insert into message_body (hub_id, body) values (?, ?)", "body-" + i, body);
            }
            jdbc.update("delete from message_body where hub_id <> ?", "body-7");
        }
        Path file = settings.dataDir().resolve("db").resolve("onewindow.mv.db");
        long before = Files.size(file);

        Run compacted = db("compact", "--data-dir", settings.dataDir().toString());

        assertThat(compacted.exit()).as(compacted.err()).isZero();
        assertThat(compacted.out()).startsWith("compacted " + file.toAbsolutePath() + ": ");
        assertThat(Files.size(file)).isLessThan(before / 4);
        try (Database database = new Database(settings)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            assertThat(jdbc.query("select hub_id, body from message_body", rs -> rs.getString(1) + rs.getBytes(2).length))
                    .containsExactly("body-7" + body.length);
        }
    }

    @Test
    void aMissingDatabaseOrAnUnknownCommandIsSaidSo() {
        Run missing = db("compact", "--data-dir", dir.resolve("nothing-here").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no embedded database at");

        Run unknown = db("vacuum");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("db takes one command: compact").contains(DatabaseCommand.USAGE);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run db(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "db";
        System.arraycopy(args, 0, command, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
