package com.acme.service;

public enum RiskBand {
  LOW,
  MEDIUM,
  HIGH
}
