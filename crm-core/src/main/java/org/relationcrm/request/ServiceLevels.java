package org.relationcrm.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** The service levels, kinds × receiving departments, set by an administrator. */
@Service
@Transactional
public class ServiceLevels {

    /** For a kind and department without a level of their own (a department added later): two working days. */
    public static final int DEFAULT_HOURS = 18;

    private final ServiceLevelRepository levels;

    public ServiceLevels(ServiceLevelRepository levels) {
        this.levels = levels;
    }

    @Transactional(readOnly = true)
    public List<ServiceLevel> all() {
        return levels.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public int targetHours(RequestKind kind, Department department) {
        return levels.findByKindAndDepartment(kind, department).map(ServiceLevel::targetHours).orElse(DEFAULT_HOURS);
    }

    /**
     * New targets, by level id, each acted on the version the administrator saw: all are saved or none. A level
     * changed meanwhile is a {@link StaleEditException}; targets out of range are one {@link RuleViolation} whose
     * broken rules name the level by its id.
     */
    public void change(Map<Long, Integer> hoursById, Map<Long, Long> versionById, Actor actor) {
        actor.require(Permission.ADMINISTER_SERVICE_LEVELS);
        List<ServiceLevel> all = levels.findAllByOrderByIdAsc();
        for (Long id : hoursById.keySet()) {
            if (all.stream().noneMatch(l -> l.id().equals(id))) {
                throw new NotFoundException("ServiceLevel", id);
            }
        }
        List<RuleViolation.Broken> broken = new ArrayList<>();
        for (ServiceLevel level : all) {
            Integer hours = hoursById.get(level.id());
            if (hours == null || hours == level.targetHours()) {
                continue;
            }
            Long seen = versionById.get(level.id());
            if (seen == null || seen != level.version()) {
                throw new StaleEditException("ServiceLevel", seen == null ? -1 : seen, level.version());
            }
            try {
                level.change(hours);
            } catch (RuleViolation refused) {
                refused.broken().forEach(b -> broken.add(new RuleViolation.Broken(level.id().toString(), b.code(),
                        b.args())));
            }
        }
        if (!broken.isEmpty()) {
            throw new RuleViolation(broken);
        }
    }
}
