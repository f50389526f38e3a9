package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A connection-test case may carry the declaration number of a production case (a party replays its real
 * declarations in test mode): the declaration number is unique per world, production or test, not overall.
 * V1 declared it {@code unique} without naming the constraint, and H2 and PostgreSQL name it differently, so
 * this migration looks the name up in the information schema (portable to both) before it replaces it.
 */
public class V9_1__TestCasesShareDeclarationNumbers extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String constraint : uniqueOnDeclarationNo(statement)) {
                statement.execute("alter table trade_case drop constraint " + constraint);
            }
            statement.execute("create unique index trade_case_declaration_per_world on trade_case (declaration_no, test_mode)");
        }
    }

    private static List<String> uniqueOnDeclarationNo(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select tc.constraint_name from information_schema.table_constraints tc "
                + "join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name "
                + "and k.table_name = tc.table_name and k.constraint_schema = tc.constraint_schema "
                + "where lower(tc.table_name) = 'trade_case' and tc.constraint_type = 'UNIQUE' "
                + "and lower(k.column_name) = 'declaration_no' and tc.constraint_schema = current_schema")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
