package org.hibernate.collection.spi;

/** Stands in for the interface of Hibernate's lazy collections. */
public interface PersistentCollection<E> {}
