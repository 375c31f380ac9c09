// Where the negotiation stands: proposals and their status, then the dated timeline of meetings.
import { Heading, Section, Text } from '@react-email/components';
import type { StateOfPlay } from '../../functions/domain/developments/types';
import { theme } from '../theme';
import { formatDate } from './development';

export interface StateOfPlayProps {
  state: StateOfPlay;
  /** Timeline entries shown, newest first. */
  limit?: number;
}

export function StateOfPlaySection({ state, limit = 8 }: StateOfPlayProps) {
  const timeline = [...state.timeline].sort((a, b) => b.date.localeCompare(a.date)).slice(0, limit);
  return (
    <Section style={{ margin: '0 0 20px' }}>
      <Heading as="h2" style={{ fontSize: '19px', margin: '0 0 8px' }}>
        State of play
      </Heading>
      {state.proposals.map((p) => (
        <Text key={p.name} style={{ margin: '0 0 6px' }}>
          <strong>{p.name}</strong>: {p.status}{' '}
          <span style={{ color: theme.muted, fontSize: '12px' }}>(since {formatDate(p.changedAt)})</span>
        </Text>
      ))}
      {timeline.length > 0 && (
        <>
          <Heading as="h3" style={{ fontSize: '16px', margin: '12px 0 6px' }}>
            Timeline
          </Heading>
          {timeline.map((e) => (
            <Text key={`${e.date}-${e.description}`} style={{ margin: '0 0 6px', fontSize: '14px' }}>
              <strong>{formatDate(e.date)}</strong>
              {e.place ? `, ${e.place}` : ''}: {e.description}
              {e.participants.length ? ` (${e.participants.join(', ')})` : ''}
            </Text>
          ))}
        </>
      )}
    </Section>
  );
}
