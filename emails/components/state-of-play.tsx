// What's next and where the negotiation stands: upcoming dated events, proposals in plain words, the
// five most recent happenings, and a link to the full story on the web.
import { Heading, Section, Text } from '@react-email/components';
import { type DatedLine, lineDate } from '../../functions/domain/issues/presentation';
import { body, h2, h3, small } from './styles';
import { TextLink } from './text-link';

function Line({ line }: { line: DatedLine }) {
  return (
    <Text style={{ ...body, margin: '0 0 8px' }}>
      <strong>{lineDate(line)}</strong>
      {line.place ? `, ${line.place}` : ''} — {line.description}
    </Text>
  );
}

export function WhatsNext({ lines }: { lines: DatedLine[] }) {
  if (lines.length === 0) return null;
  return (
    <Section>
      <Heading as="h2" style={h2}>
        What’s next
      </Heading>
      {lines.map((l) => (
        <Line key={`${l.date}${l.description}`} line={l} />
      ))}
    </Section>
  );
}

export interface StateOfPlayProps {
  proposals: string[];
  timeline: DatedLine[];
  storyUrl?: string;
}

export function StateOfPlaySection({ proposals, timeline, storyUrl }: StateOfPlayProps) {
  if (proposals.length === 0 && timeline.length === 0) return null;
  return (
    <Section>
      <Heading as="h2" style={h2}>
        State of play
      </Heading>
      {proposals.map((p) => (
        <Text key={p} style={{ ...body, margin: '0 0 6px' }}>
          {p}
        </Text>
      ))}
      {timeline.length > 0 && (
        <>
          <Heading as="h3" style={h3}>
            Most recent
          </Heading>
          {timeline.map((l) => (
            <Line key={`${l.date}${l.description}`} line={l} />
          ))}
        </>
      )}
      {storyUrl && (
        <Text style={small}>
          <TextLink href={storyUrl}>The full story so far</TextLink>
        </Text>
      )}
    </Section>
  );
}
