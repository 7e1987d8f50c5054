package io.memoguard.corpus.plain;

import java.util.Objects;

/** An application class outside guard.packages: no barrier, checked at the next read. */
public class Note {
  public String text;
  public int stars;
  public Note next;

  public Note(String text) {
    this.text = text;
  }

  public String getText() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Note && Objects.equals(((Note) o).text, text) && ((Note) o).stars == stars;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, stars);
  }

  @Override
  public String toString() {
    return "Note[" + text + ", " + stars + (next == null ? "" : ", next " + next.text) + "]";
  }
}
