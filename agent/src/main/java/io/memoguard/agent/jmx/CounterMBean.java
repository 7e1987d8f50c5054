package io.memoguard.agent.jmx;

import io.memoguard.agent.report.Counters;
import io.memoguard.agent.report.Counters.Counter;
import io.memoguard.runtime.MethodStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;

/**
 * Read-only counters as plain numeric attributes (what JMX exporters scrape as they are), plus
 * {@code HitRate} and a {@code resetStats} operation that zeroes every memoguard counter.
 */
final class CounterMBean implements DynamicMBean {
  static final String RESET = "resetStats";

  private final String description;
  private final List<Counter> counters;
  private final LongSupplier hits;
  private final LongSupplier misses;

  CounterMBean(String description, List<Counter> counters) {
    this.description = description;
    this.counters = counters;
    this.hits = find(counters, "HitCount");
    this.misses = find(counters, "MissCount");
  }

  private static LongSupplier find(List<Counter> counters, String attribute) {
    for (Counter counter : counters) {
      if (counter.attribute().equals(attribute)) {
        return counter.value();
      }
    }
    throw new IllegalArgumentException(attribute);
  }

  @Override
  public Object getAttribute(String name) throws AttributeNotFoundException {
    if (name.equals("HitRate")) {
      return Counters.hitRate(hits.getAsLong(), misses.getAsLong());
    }
    for (Counter counter : counters) {
      if (counter.attribute().equals(name)) {
        return counter.value().getAsLong();
      }
    }
    throw new AttributeNotFoundException(name);
  }

  @Override
  public AttributeList getAttributes(String[] names) {
    AttributeList list = new AttributeList();
    for (String name : names) {
      try {
        list.add(new Attribute(name, getAttribute(name)));
      } catch (AttributeNotFoundException unknown) {
        // JMX's contract: unknown names are left out of the list
      }
    }
    return list;
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    throw new AttributeNotFoundException(attribute.getName() + " is read-only");
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public Object invoke(String action, Object[] params, String[] signature) throws ReflectionException {
    if (RESET.equals(action) && (params == null || params.length == 0)) {
      MethodStats.resetAll();
      return null;
    }
    throw new ReflectionException(new NoSuchMethodException(action));
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    List<MBeanAttributeInfo> attributes = new ArrayList<>();
    for (Counter counter : counters) {
      attributes.add(new MBeanAttributeInfo(counter.attribute(), "long",
          "summary key " + counter.key(), true, false, false));
    }
    attributes.add(new MBeanAttributeInfo("HitRate", "double",
        "hits / (hits + misses); 1.0 before the first lookup", true, false, false));
    MBeanOperationInfo reset = new MBeanOperationInfo(RESET,
        "sets every memoguard counter (totals and every method) back to zero", null, "void",
        MBeanOperationInfo.ACTION);
    return new MBeanInfo(CounterMBean.class.getName(), description,
        attributes.toArray(new MBeanAttributeInfo[0]), null, new MBeanOperationInfo[] {reset}, null);
  }
}
