package io.memoguard.agent.config;

/** What the agent does when it detects a write to an object that is part of a memoized value. */
public enum OnMutation { INVALIDATE, LOG, FAIL }
