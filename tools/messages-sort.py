#!/usr/bin/env python3
"""Files message keys into crm-web's per-feature message files (messages/<feature>.properties and _en).

The single messages.properties / messages_en.properties were split per feature; a branch written before the split may
still add keys to them. After merging such a branch, run this from the repository root: every key of a leftover
crm-web/src/main/resources/messages{,_en}.properties goes into its feature file (by the rules below, appended to its
group), then the leftover file is deleted. A key already present with another value is reported and left out.
Then run MessagesTests.
"""
import pathlib
import sys

RES = pathlib.Path('crm-web/src/main/resources')


def prefix(*names):
    return lambda key: any(key == p or key.startswith(p + '.') for p in names)


# First matching rule wins: (feature file, rule on the key).
FILES = [
    ('flash', prefix('flash')),
    ('common', prefix('nav', 'yes', 'colon', 'no', 'form.none', 'action', 'pagination', 'list', 'edit')),
    ('validation', prefix('NotBlank', 'NotNull', 'Size', 'Email', 'typeMismatch', 'date.outOfRange', 'form.rows')),
    ('errors', prefix('error', 'done')),
    ('team', prefix('login', 'role', 'department', 'admin', 'user', 'permission')),
    ('client', prefix('status', 'size', 'kind', 'civility', 'clients', 'company', 'contact', 'record', 'people',
                      'completeness')),
    ('timeline', prefix('timeline', 'event')),
    ('interaction', prefix('channel', 'direction', 'sentiment', 'interaction')),
    ('feedback', prefix('complaint', 'survey', 'productLine', 'risk', 'silent', 'dates', 'whitespace')),
    ('pipeline', prefix('stage', 'source', 'lostReason', 'concessionType', 'valueKind', 'counterpart', 'approval',
                        'opportunity', 'concession', 'meeting', 'myday', 'board', 'dashboard')),
]


def entries(path):
    return [line.split('=', 1) for line in path.read_text(encoding='utf-8').splitlines()
            if line.strip() and not line.lstrip().startswith('#')]


def feature(key):
    for name, rule in FILES:
        if rule(key):
            return name
    sys.exit(f'{key}: no feature file for it, add a rule to {__file__}')


def file_in(leftover, suffix):
    problems = 0
    for key, value in entries(leftover):
        target = RES / 'messages' / f'{feature(key)}{suffix}.properties'
        lines = target.read_text(encoding='utf-8').splitlines()
        present = dict(entries(target))
        if key in present:
            if present[key] != value:
                print(f'{target}: {key} is already "{present[key]}", not "{value}": left out')
                problems += 1
            continue
        group = key.split('.')[0]
        same_group = [i for i, line in enumerate(lines) if line.split('=', 1)[0].split('.')[0] == group]
        lines.insert(same_group[-1] + 1 if same_group else len(lines), f'{key}={value}')
        target.write_text('\n'.join(lines) + '\n', encoding='utf-8')
        print(f'{key} -> {target}')
    leftover.unlink()
    return problems


problems = sum(file_in(RES / f'messages{suffix}.properties', suffix)
               for suffix in ('', '_en') if (RES / f'messages{suffix}.properties').exists())
sys.exit(1 if problems else 0)
