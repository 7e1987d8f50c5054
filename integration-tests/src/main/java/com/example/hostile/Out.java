package com.example.hostile;

import com.example.hostile.domain.Booby;
import com.example.hostile.model.Booby2;
import com.example.hostile.model.Renderable;
import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Result lines of one scenario, {@code R <scenario> <key>=<value>}, and a deterministic rendering
 * of values: classes, iteration order, cycles, -0.0 and NaN, without calling hashCode or toString
 * of application objects.
 */
public final class Out {
    private final String scenario;

    public Out(String scenario) {
        this.scenario = scenario;
    }

    public void p(String key, Object value) {
        String text = value instanceof String ? (String) value : render(value);
        text = text.replace("\r", "\\r").replace("\n", "\\n");
        if (text.length() > 240) {
            text = "len" + text.length() + "#" + Integer.toHexString(text.hashCode());
        }
        System.out.println("R " + scenario + " " + key + "=" + text);
    }

    /** Prints what a call produced or threw. */
    public void call(String key, Call call) {
        try {
            p(key, call.run());
        } catch (Throwable t) {
            p(key, "threw " + t.getClass().getName() + ": " + t.getMessage());
        }
    }

    @FunctionalInterface
    public interface Call {
        Object run() throws Exception;
    }

    public static String render(Object value) {
        StringBuilder sb = new StringBuilder();
        render(value, sb, new IdentityHashMap<>(), 0);
        return sb.toString();
    }

    private static void render(Object o, StringBuilder sb, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (o == null) {
            sb.append("null");
            return;
        }
        if (depth > 40 || sb.length() > 100_000) {
            sb.append("...");
            return;
        }
        Class<?> type = o.getClass();
        if (o instanceof String) {
            sb.append('"').append(o).append('"');
        } else if (o instanceof Number || o instanceof Boolean || o instanceof Character) {
            sb.append(type.getSimpleName()).append(':').append(o);
        } else if (o instanceof Enum) {
            Enum<?> e = (Enum<?>) o;
            sb.append(e.getDeclaringClass().getSimpleName()).append('.').append(e.name());
        } else if (o instanceof Booby) {
            sb.append("Booby#").append(((Booby) o).id);
        } else if (o instanceof Booby2) {
            sb.append("Booby2#").append(((Booby2) o).id);
        } else if (seen.put(o, Boolean.TRUE) != null) {
            sb.append("<cycle>");
        } else if (type.isArray()) {
            sb.append(type.getComponentType().getSimpleName()).append("[");
            for (int i = 0, n = Array.getLength(o); i < n; i++) {
                sb.append(i == 0 ? "" : ",");
                render(Array.get(o, i), sb, seen, depth + 1);
            }
            sb.append("]");
        } else if (o instanceof Map) {
            sb.append(type.getName()).append("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                render(e.getKey(), sb, seen, depth + 1);
                sb.append('=');
                render(e.getValue(), sb, seen, depth + 1);
            }
            sb.append("}");
        } else if (o instanceof Collection) {
            sb.append(type.getName()).append("[");
            boolean first = true;
            for (Object element : (Collection<?>) o) {
                sb.append(first ? "" : ",");
                first = false;
                render(element, sb, seen, depth + 1);
            }
            sb.append("]");
        } else if (o instanceof Optional) {
            sb.append("Optional[");
            render(((Optional<?>) o).orElse(null), sb, seen, depth + 1);
            sb.append("]");
        } else if (o instanceof Renderable) {
            sb.append(((Renderable) o).render());
        } else if (o instanceof Record || o.getClass().getName().startsWith("java.")) {
            sb.append(o);
        } else if (Proxy.isProxyClass(type)) {
            sb.append("proxy");
        } else if (type.isSynthetic() || type.isHidden()) {
            sb.append("lambda");
        } else {
            sb.append(type.getName()).append("@obj");
        }
    }
}
