package dev.followthrough.cases;

public enum Tier {
  PREMIER,
  STANDARD
}
