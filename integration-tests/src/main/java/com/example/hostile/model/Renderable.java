package com.example.hostile.model;

/** Application objects render themselves for the result lines (application code, counted nowhere). */
public interface Renderable {
    String render();
}
