package org.relationcrm.client.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyRepository;

interface SpringDataCompanyRepository extends CompanyRepository, Repository<Company, Long> {
}
