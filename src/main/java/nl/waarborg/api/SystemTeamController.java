package nl.waarborg.api;

import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemTeam;
import nl.waarborg.system.SystemTeam.Team;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A system's team over HTTP: the owner and the co-authors who, with the owner, see and work its content tasks. Only
 * the owner or an administrator names or removes co-authors (403 otherwise); a co-author must be an existing user
 * (404) in group project-lead (400).
 */
@RestController
@RequestMapping("/api/systems/{id}")
public class SystemTeamController {

    private final SystemTeam team;
    private final SystemReads readable;

    public SystemTeamController(SystemTeam team, SystemReads readable) {
        this.team = team;
        this.readable = readable;
    }

    @GetMapping("/team")
    public Team team(@PathVariable String id) {
        readable.require(id);
        return team.team(id);
    }

    /** Names a co-author; naming one who already is one changes nothing. Answers with the team. */
    @PostMapping("/co-authors/{userId}")
    public Team addCoAuthor(@PathVariable String id, @PathVariable String userId) {
        team.addCoAuthor(id, userId);
        return team.team(id);
    }

    /** Removes a co-author (404 when they are not one); they lose the open content tasks at once. Answers with the team. */
    @DeleteMapping("/co-authors/{userId}")
    public Team removeCoAuthor(@PathVariable String id, @PathVariable String userId) {
        team.removeCoAuthor(id, userId);
        return team.team(id);
    }
}
