package org.relationcrm.feedback.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.feedback.Survey;
import org.relationcrm.feedback.SurveyRepository;

interface SpringDataSurveyRepository extends SurveyRepository, Repository<Survey, Long> {
}
