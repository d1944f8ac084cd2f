package dev.tiketi.testsupport;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Wraps data sources so that what their connections send PostgreSQL is noted: every statement executed (its SQL and
 * the thread that ran it) and every commit and rollback, each a round trip (a transaction's {@code BEGIN} travels
 * with its first statement). For tests that count the statements and round trips an operation costs, e.g. with a
 * bean post-processor that wraps the service's data source; the thread tells a request's statements from a
 * consumer's or the outbox relay's.
 */
public final class CountingDataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    /** One round trip: a statement (its SQL, whitespace collapsed) or a commit/rollback ({@code COMMIT}). */
    public record Sent(String thread, String sql) {

        public boolean isCommit() {
            return sql.equals("COMMIT");
        }
    }

    private final List<Sent> sent = new ArrayList<>();

    /** {@code target}, with what its connections send noted here. */
    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, result, args) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, result, this::connectionCall) : result);
    }

    /** What threads matching {@code thread} sent since the last {@link #reset}, in order. */
    public synchronized List<Sent> sent(Predicate<String> thread) {
        return sent.stream().filter(s -> thread.test(s.thread())).toList();
    }

    public synchronized void reset() {
        sent.clear();
    }

    private synchronized void note(String sql) {
        sent.add(new Sent(Thread.currentThread().getName(), sql.replaceAll("\\s+", " ").strip()));
    }

    private Object connectionCall(Method method, Object result, Object[] args) {
        String name = method.getName();
        if (name.equals("commit") || name.equals("rollback")) {
            note("COMMIT");
            return result;
        }
        if (result instanceof Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
            @SuppressWarnings("unchecked")
            Class<Statement> type = (Class<Statement>) method.getReturnType();
            return proxy(type, statement, (call, value, callArgs) -> {
                if (EXECUTIONS.contains(call.getName())) {
                    String executed = sql != null ? sql
                            : callArgs != null && callArgs.length > 0 && callArgs[0] instanceof String text ? text : "?";
                    note(executed);
                }
                return value;
            });
        }
        return result;
    }

    /** What a call on a proxied object returns, given what the real object returned. */
    private interface AfterCall {
        Object after(Method method, Object result, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.after(method, result, args);
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
