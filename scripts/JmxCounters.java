import com.sun.tools.attach.VirtualMachine;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Prints memoguard's MBeans of a running JVM as a JMX client sees them, with the JDK alone:
 * {@code java scripts/JmxCounters.java PID}. The Attach API starts the target's local JMX agent,
 * so the service needs no {@code -Dcom.sun.management.jmxremote} flags.
 */
public class JmxCounters {
  private static final String[] ATTRIBUTES = {
    "HitCount", "MissCount", "HitRate", "InvalidationCount", "MutationCount",
    "EstimatedTimeSavedMillis"
  };

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java scripts/JmxCounters.java PID");
      System.exit(2);
    }
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
      MBeanServerConnection server = connector.getMBeanServerConnection();
      Set<ObjectName> names = new TreeSet<>(server.queryNames(new ObjectName("io.memoguard:*"), null));
      for (ObjectName name : names) {
        if (name.getKeyProperty("type").equals("Candidates")) {
          continue;
        }
        StringBuilder line = new StringBuilder("  ").append(name);
        for (String attribute : ATTRIBUTES) {
          Object value = server.getAttribute(name, attribute);
          line.append(' ').append(attribute).append('=')
              .append(value instanceof Double d ? String.format("%.2f", d) : value);
        }
        System.out.println(line);
      }
    }
  }
}
