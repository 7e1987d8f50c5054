package io.memoguard.runtime.snapshot;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.Buffer;
import java.nio.channels.Channel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.text.CharacterIterator;
import java.util.Currency;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import java.util.Scanner;
import java.util.Spliterator;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.BaseStream;

/**
 * Values that a second caller cannot be given: a cursor or a resource is consumed by the first
 * caller (an iterator, a stream, a Reader, a ByteBuffer's position), and a future or a random
 * generator stands for work the second call would have done again. Such a value is recognized by
 * the runtime class of any object in its graph, whatever the method declares it returns.
 *
 * <p>A JDK class the walker cannot look into is a leaf only when it is known to be immutable or has
 * no mutable field of its own: anything else may carry state that the first caller changes.
 */
public final class Consumables {
  /** Checked in order: the first match names the kind in the log. */
  private static final Class<?>[] KINDS = {
      Iterator.class, Enumeration.class, Spliterator.class, BaseStream.class, Buffer.class,
      Channel.class, Scanner.class, Matcher.class, CharacterIterator.class, AutoCloseable.class,
      Random.class, RandomGenerator.class, Future.class, CompletionStage.class,
      Flow.Publisher.class, Flow.Subscription.class};

  private static final Class<?>[] CURSORS = {
      Iterator.class, Enumeration.class, Spliterator.class, BaseStream.class, Buffer.class,
      Scanner.class, Matcher.class, CharacterIterator.class, InputStream.class, Reader.class};

  /** JDK classes that are immutable although they cache a hash or a string in a plain field. */
  private static final Class<?>[] IMMUTABLE = {
      String.class, BigDecimal.class, BigInteger.class, Locale.class, Currency.class,
      Pattern.class, URI.class, URL.class, File.class, Path.class, Charset.class,
      InetAddress.class, Class.class, Member.class, StackTraceElement.class};

  private Consumables() {}

  /** The consumable kind (an interface or class of {@link #KINDS}) that c is, or null. */
  public static Class<?> kindOf(Class<?> c) {
    for (Class<?> kind : KINDS) {
      if (kind.isAssignableFrom(c)) {
        return kind;
      }
    }
    return null;
  }

  /**
   * Whether a JDK class that is neither a collection nor a known value type must keep its value
   * from being memoized: it has a mutable field, or is a lambda or hidden class capturing values
   * the walker cannot read.
   */
  static boolean opaqueJdkState(Class<?> c) {
    for (Class<?> immutable : IMMUTABLE) {
      if (immutable.isAssignableFrom(c)) {
        return false;
      }
    }
    if (c.getName().startsWith("java.time.")) {
      return false;
    }
    boolean capturing = c.isHidden() || c.isSynthetic();
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m)) {
          continue;
        }
        if (!Modifier.isFinal(m) || capturing && !f.getType().isPrimitive()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A field type whose value is a cursor: refused even in a transient field, which is not walked.
   * Not AutoCloseable in general: frameworks keep their session in transient fields of entities.
   */
  static boolean isCursorType(Class<?> type) {
    for (Class<?> cursor : CURSORS) {
      if (cursor.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }
}
