package org.relationcrm.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** All surveys. Implemented by Spring Data in crm-persistence. */
public interface SurveyRepository {

    Optional<Survey> findById(Long id);

    Optional<Survey> findByToken(String token);

    List<Survey> findTop200BySentAtIsNullAndSendOnLessThanEqualOrderBySendOnAsc(LocalDate day);

    Survey save(Survey survey);
}
