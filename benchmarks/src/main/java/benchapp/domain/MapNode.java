package benchapp.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** Tree node whose children are values of a {@code HashMap} keyed by name (no barrier on the map). */
public class MapNode implements Serializable {
  private static final long serialVersionUID = 1L;

  private String name;
  private OffsetDateTime at;
  private Map<String, MapNode> children = new HashMap<>();

  public MapNode() {}

  public MapNode(String name, OffsetDateTime at) {
    this.name = name;
    this.at = at;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public OffsetDateTime getAt() { return at; }
  public void setAt(OffsetDateTime at) { this.at = at; }
  public Map<String, MapNode> getChildren() { return children; }
  public void setChildren(Map<String, MapNode> children) { this.children = children; }

  public MapNode deepCopy() {
    MapNode copy = new MapNode(name, at);
    Map<String, MapNode> kids = new HashMap<>(Math.max(4, children.size() * 2));
    for (Map.Entry<String, MapNode> e : children.entrySet()) {
      kids.put(e.getKey(), e.getValue().deepCopy());
    }
    copy.children = kids;
    return copy;
  }
}
