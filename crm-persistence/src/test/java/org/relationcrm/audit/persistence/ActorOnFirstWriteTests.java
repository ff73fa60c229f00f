package org.relationcrm.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements make the actor be set: writes that name an audited table, as a whole word. */
class ActorOnFirstWriteTests {

    @Test
    void writesToAnAuditedTableSetTheActorReadsAndOtherTablesDoNot() {
        assertThat(ActorOnFirstWrite.writesAudited("update company set city=? where id=?")).isTrue();
        assertThat(ActorOnFirstWrite.writesAudited("  /* merge */ insert into contact (last_name) values (?)")).isTrue();
        assertThat(ActorOnFirstWrite.writesAudited("-- bulk\nUPDATE Customer_Order set status = 'PAID'")).isTrue();
        assertThat(ActorOnFirstWrite.writesAudited("with moved as (update opportunity set stage = ?) select 1")).isTrue();
        assertThat(ActorOnFirstWrite.writesAudited("update public.app_user set role = ?")).isTrue();

        assertThat(ActorOnFirstWrite.writesAudited("select * from company for update")).isFalse();
        assertThat(ActorOnFirstWrite.writesAudited("insert into interaction_contact (contact_id) values (?)")).isFalse();
        assertThat(ActorOnFirstWrite.writesAudited("insert into interaction (company_id, summary) values (?, ?)")).isFalse();
        assertThat(ActorOnFirstWrite.writesAudited("update spring_session set last_access_time = ?")).isFalse();
        assertThat(ActorOnFirstWrite.writesAudited(null)).isFalse();

        // asked again: the kept answers are the same
        assertThat(ActorOnFirstWrite.writesAudited("update company set city=? where id=?")).isTrue();
        assertThat(ActorOnFirstWrite.writesAudited("insert into interaction (company_id, summary) values (?, ?)")).isFalse();
    }
}
