package org.hibernate.proxy;

/** Stands in for the interface Hibernate's generated proxies implement. */
public interface HibernateProxy {}
