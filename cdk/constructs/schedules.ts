// EventBridge schedules: daily and weekly digests (the schedule function composes the issue and
// enqueues it for dispatch) and feed polling (the poll-feeds function ingests new reports).
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { type FunctionBindings, TalkwatchFunction } from './node-function';
import { TABLE_ACCESS } from './table-access';

export const SCHEDULE_TIMEOUT = Duration.seconds(60);
export const POLL_FEEDS_TIMEOUT = Duration.seconds(120);

export interface SchedulesProps {
  readonly bindings: FunctionBindings;
  readonly dailyDigest: string;
  readonly weeklyDigest: string;
  readonly feedPoll: string;
}

/** What the schedule function receives (functions/schedule.ts): `{ "frequency": "daily" | "weekly" }`. */
export function digestEvent(frequency: 'daily' | 'weekly') {
  return events.RuleTargetInput.fromObject({ frequency });
}

export class Schedules extends Construct {
  readonly scheduleFunction: TalkwatchFunction;
  readonly pollFeedsFunction: TalkwatchFunction;
  readonly rules: Record<'dailyDigest' | 'weeklyDigest' | 'feedPoll', events.Rule>;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    this.scheduleFunction = new TalkwatchFunction(this, 'ScheduleFunction', {
      entry: 'schedule',
      description: 'Talkwatch digests: compose the daily or weekly issue and enqueue it',
      timeout: SCHEDULE_TIMEOUT,
      bindings: props.bindings,
      tableActions: TABLE_ACCESS.schedule,
      enqueuesTo: ['dispatch'],
    });
    this.pollFeedsFunction = new TalkwatchFunction(this, 'PollFeedsFunction', {
      entry: 'poll-feeds',
      description: 'Talkwatch feed polling: receive new reports and queue them for summarising',
      timeout: POLL_FEEDS_TIMEOUT,
      bindings: props.bindings,
      // Parses internet input: no secret, no queue but ingest, only claims and received reports.
      tableActions: TABLE_ACCESS['poll-feeds'],
      enqueuesTo: ['ingest'],
    });

    const rule = (name: string, expression: string, description: string) =>
      new events.Rule(this, name, { schedule: events.Schedule.expression(expression), description });
    this.rules = {
      dailyDigest: rule('DailyDigest', props.dailyDigest, 'Talkwatch daily digest'),
      weeklyDigest: rule('WeeklyDigest', props.weeklyDigest, 'Talkwatch weekly digest'),
      feedPoll: rule('FeedPoll', props.feedPoll, 'Talkwatch feed polling'),
    };
    const retry = { retryAttempts: 2, maxEventAge: Duration.hours(1) };
    this.rules.dailyDigest.addTarget(
      new LambdaFunction(this.scheduleFunction, { ...retry, event: digestEvent('daily') }),
    );
    this.rules.weeklyDigest.addTarget(
      new LambdaFunction(this.scheduleFunction, { ...retry, event: digestEvent('weekly') }),
    );
    this.rules.feedPoll.addTarget(new LambdaFunction(this.pollFeedsFunction, retry));
  }
}
