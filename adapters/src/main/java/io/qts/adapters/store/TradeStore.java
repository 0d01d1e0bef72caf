package io.qts.adapters.store;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trade store: orders, fills and daily PnL in a database reached by JDBC URL ({@code jdbc:sqlite:FILE} by default,
 * {@code jdbc:postgresql://...} for PostgreSQL), its schema brought up to date by Flyway migrations
 * ({@code db/migration}) when opened. A projection of the journals, rebuildable at any time; one writer per run id.
 */
public final class TradeStore implements AutoCloseable
{
    private final Connection connection;

    private TradeStore(final Connection connection)
    {
        this.connection = connection;
    }

    /**
     * Migrates the schema and connects.
     *
     * @throws SQLException when the database cannot be reached or migrated.
     */
    public static TradeStore open(final String url, final String user, final String password) throws SQLException
    {
        try
        {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        }
        catch (final RuntimeException ex)
        {
            throw new SQLException("cannot migrate the trade store's schema: " + ex.getMessage(), ex);
        }
        final Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(false);
        return new TradeStore(connection);
    }

    /** Removes a run's rows (a rebuild starts from nothing). */
    public void clear(final String runId) throws SQLException
    {
        for (final String table : List.of("orders", "fills", "daily_pnl"))
        {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?"))
            {
                delete.setString(1, runId);
                delete.executeUpdate();
            }
        }
        connection.commit();
    }

    /** Writes what the projection made since the last call, in one transaction. */
    void write(final String runId, final TradeRows rows) throws SQLException
    {
        final List<TradeRows.Order> orders = rows.takeOrders();
        final List<TradeRows.Fill> fills = rows.takeFills();
        if (orders.isEmpty() && fills.isEmpty())
        {
            return;
        }
        try (PreparedStatement order = connection.prepareStatement(
            "INSERT INTO orders (run_id, client_order_id, action, time_utc, symbol, side, order_type, price, qty) VALUES (?,?,?,?,?,?,?,?,?)");
            PreparedStatement fill = connection.prepareStatement("INSERT INTO fills (run_id, fill_no, client_order_id, time_utc, symbol, side, "
                + "price, qty, leaves_qty, commission) VALUES (?,?,?,?,?,?,?,?,?,?)");
            PreparedStatement deleteDay = connection.prepareStatement("DELETE FROM daily_pnl WHERE run_id = ? AND day = ?");
            PreparedStatement day = connection.prepareStatement(
                "INSERT INTO daily_pnl (run_id, day, realized_pnl, commission, fills) VALUES (?,?,?,?,?)"))
        {
            for (final TradeRows.Order o : orders)
            {
                order.setString(1, runId);
                order.setLong(2, o.clientOrderId());
                order.setString(3, o.action());
                order.setString(4, o.timeUtc());
                order.setString(5, o.symbol());
                order.setString(6, o.side());
                order.setString(7, o.orderType());
                order.setString(8, o.price());
                order.setString(9, o.qty());
                order.addBatch();
            }
            order.executeBatch();
            for (final TradeRows.Fill f : fills)
            {
                fill.setString(1, runId);
                fill.setInt(2, f.fillNo());
                fill.setLong(3, f.clientOrderId());
                fill.setString(4, f.timeUtc());
                fill.setString(5, f.symbol());
                fill.setString(6, f.side());
                fill.setString(7, f.price());
                fill.setString(8, f.qty());
                fill.setString(9, f.leavesQty());
                fill.setString(10, f.commission());
                fill.addBatch();
            }
            fill.executeBatch();
            for (final TradeRows.Day d : rows.days())
            {
                deleteDay.setString(1, runId);
                deleteDay.setString(2, d.day());
                deleteDay.executeUpdate();
                day.setString(1, runId);
                day.setString(2, d.day());
                day.setString(3, d.realizedPnl().toPlainString());
                day.setString(4, d.commission().stripTrailingZeros().toPlainString());
                day.setInt(5, d.fills());
                day.executeUpdate();
            }
            connection.commit();
        }
        catch (final SQLException ex)
        {
            connection.rollback();
            throw ex;
        }
    }

    /** Rows of a query as lists of strings, for {@code qts store query} and tests. */
    public List<List<String>> query(final String sql, final String... params) throws SQLException
    {
        final List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql))
        {
            for (int i = 0; i < params.length; i++)
            {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery())
            {
                final int columns = result.getMetaData().getColumnCount();
                while (result.next())
                {
                    final List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++)
                    {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
        }
        connection.commit();
        return rows;
    }

    @Override
    public void close() throws SQLException
    {
        connection.close();
    }
}
