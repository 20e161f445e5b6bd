package dev.followthrough.lifecycle;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * With authorization on (production, R27), a case is granted to the people its tasks are assigned
 * to, as they are assigned: the engine grants a task's assignee (read and work it) and its
 * candidate group (the advisors' escalations); on top of that, whoever a task of a case is
 * assigned to (its engineer when the case opens or is reopened, or a colleague it is handed to in
 * Tasklist) may read that case's process instance and its history, and no other case's. No group
 * holds a blanket grant on tasks or instances of engineers' cases (managers read by definition).
 * Written against the engine's own authorization provider, so the lifecycle needs nothing from
 * the web's security, and a grant made twice in one transaction is one grant.
 */
@Component
public class CaseAccessGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        AuthorizationEntity[] onTheTask = super.newTaskAssignee(task, oldAssignee, newAssignee);
        String instance = task.getProcessInstanceId();
        if (newAssignee == null || instance == null) {
          return onTheTask;
        }
        List<AuthorizationEntity> grants = new ArrayList<>(onTheTask == null ? List.of() : Arrays.asList(onTheTask));
        grants.add(grant(newAssignee, PROCESS_INSTANCE, instance, ProcessInstancePermissions.READ));
        AuthorizationEntity history = grant(newAssignee, HISTORIC_PROCESS_INSTANCE, instance,
            HistoricProcessInstancePermissions.READ);
        provideRemovalTime(history, task); // removed with the case's history by the history cleanup
        grants.add(history);
        return grants.toArray(AuthorizationEntity[]::new);
      }

      /** The user's grant on the resource, from the database or made earlier in this transaction, with the permission. */
      private AuthorizationEntity grant(String user, Resource resource, String id, Permission permission) {
        AuthorizationEntity authorization = getGrantAuthorizationByUserId(user, resource, id);
        if (authorization == null) {
          authorization = createGrantAuthorization(user, null, resource, id);
          updateAuthorizationBasedOnCacheEntries(authorization, user, null, resource, id);
        }
        addPermissions(authorization, permission);
        return authorization;
      }
    });
  }
}
