package org.relationcrm.interaction.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.internal.InteractionRepository;

interface SpringDataInteractionRepository extends InteractionRepository, Repository<Interaction, Long> {
}
