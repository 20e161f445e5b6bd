package dev.followthrough.benchmark;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The bare timer's no-op: it only notes when it ran, so that the benchmark can tell how late the
 * timer fired and in which order (the bare counterpart of an email handed to SMTP).
 */
public class BareProbe implements JavaDelegate {

  /** One run of the no-op: the instance and the wall-clock time. */
  public record Hit(String processInstanceId, long atMillis) {}

  static final Queue<Hit> HITS = new ConcurrentLinkedQueue<>();

  @Override
  public void execute(DelegateExecution execution) {
    HITS.add(new Hit(execution.getProcessInstanceId(), System.currentTimeMillis()));
  }
}
