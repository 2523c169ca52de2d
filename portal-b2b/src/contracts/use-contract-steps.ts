import {
  ContractsAcceptDeliveryDocument,
  ContractsDeliverCallOffDocument,
  ContractsDisputeDeliveryDocument,
  ContractsPlaceCallOffDocument,
  ContractsRecordDeliveryDocument,
  ContractsRecordPaymentDocument,
  ContractsRenewDocument,
  ContractsSignDocument,
  type ContractsContractResultFragment,
  type ContractsDeliverCallOffMutation,
  type ContractsPlaceCallOffMutation,
  type ContractsRecordPaymentMutation,
  type ContractsRenewMutation,
  type PlaceCallOffInput,
  type RecordContractPaymentInput,
} from '@marketgate/graphql-client';
import { fieldErrorsOf, type RequestError } from '../shared/input-errors';
import { useSessionStore } from '../stores/session';

/** What a step on a contract came to: what the gateway answered, or why there is no answer. */
export type StepOutcome<Value, Rejection> =
  | { kind: 'done'; value: Value }
  /** A typed business error (`... on XError`): shown next to what it concerns. */
  | { kind: 'rejected'; error: Rejection }
  /** The gateway refused the input; messages by field name (e.g. `reference`). */
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

type Split<R extends { __typename: string }, T extends R['__typename']> = StepOutcome<
  Extract<R, { __typename: T }>,
  Exclude<R, { __typename: T }>
>;

function outcomeOf<R extends { __typename: string }, T extends R['__typename']>(
  result: R | undefined,
  error: RequestError | undefined,
  success: T,
): Split<R, T> {
  if (!result) {
    const fields = fieldErrorsOf(error);
    return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
  }
  return result.__typename === success
    ? { kind: 'done', value: result as Extract<R, { __typename: T }> }
    : { kind: 'rejected', error: result as Exclude<R, { __typename: T }> };
}

export type ContractStepOutcome = Split<ContractsContractResultFragment, 'Contract'>;
export type ContractStepError = Exclude<
  ContractsContractResultFragment,
  { __typename: 'Contract' }
>;

type PaymentResult = ContractsRecordPaymentMutation['recordContractPayment'];
export type PaymentOutcome = Split<PaymentResult, 'ContractPayment'>;
export type PaymentError = Exclude<PaymentResult, { __typename: 'ContractPayment' }>;

type CallOffResult = ContractsPlaceCallOffMutation['placeCallOff'];
export type CallOffOutcome = Split<CallOffResult, 'CallOff'>;
export type CallOffError = Exclude<CallOffResult, { __typename: 'CallOff' }>;

type DeliverResult = ContractsDeliverCallOffMutation['deliverCallOff'];
export type DeliverOutcome = Split<DeliverResult, 'CallOff'>;

type RenewResult = ContractsRenewMutation['renewContract'];
export type RenewOutcome = Split<RenewResult, 'QuoteRequest'>;

/**
 * The steps either side takes on a contract, each answering what the gateway said. Nothing
 * here decides whether a step is allowed: `Contract.allowedActions` says which to offer and the
 * gateway checks again.
 */
export function useContractSteps() {
  const session = useSessionStore();

  async function contractStep(
    step: 'sign' | 'recordDelivery' | 'acceptDelivery',
    id: string,
  ): Promise<ContractStepOutcome> {
    const client = session.client;
    switch (step) {
      case 'sign': {
        const { data, error } = await client.mutation(ContractsSignDocument, { id }).toPromise();
        return outcomeOf(data?.signContract, error, 'Contract');
      }
      case 'recordDelivery': {
        const { data, error } = await client
          .mutation(ContractsRecordDeliveryDocument, { id })
          .toPromise();
        return outcomeOf(data?.recordContractDelivery, error, 'Contract');
      }
      case 'acceptDelivery': {
        const { data, error } = await client
          .mutation(ContractsAcceptDeliveryDocument, { id })
          .toPromise();
        return outcomeOf(data?.acceptContractDelivery, error, 'Contract');
      }
    }
  }

  async function disputeDelivery(contractId: string, note: string): Promise<ContractStepOutcome> {
    const { data, error } = await session.client
      .mutation(ContractsDisputeDeliveryDocument, { input: { contractId, note } })
      .toPromise();
    return outcomeOf(data?.disputeContractDelivery, error, 'Contract');
  }

  async function recordPayment(input: RecordContractPaymentInput): Promise<PaymentOutcome> {
    const { data, error } = await session.client
      .mutation(ContractsRecordPaymentDocument, { input })
      .toPromise();
    return outcomeOf(data?.recordContractPayment, error, 'ContractPayment');
  }

  async function placeCallOff(input: PlaceCallOffInput): Promise<CallOffOutcome> {
    const { data, error } = await session.client
      .mutation(ContractsPlaceCallOffDocument, { input })
      .toPromise();
    return outcomeOf(data?.placeCallOff, error, 'CallOff');
  }

  async function deliverCallOff(id: string): Promise<DeliverOutcome> {
    const { data, error } = await session.client
      .mutation(ContractsDeliverCallOffDocument, { id })
      .toPromise();
    return outcomeOf(data?.deliverCallOff, error, 'CallOff');
  }

  async function renew(id: string): Promise<RenewOutcome> {
    const { data, error } = await session.client
      .mutation(ContractsRenewDocument, { id })
      .toPromise();
    return outcomeOf(data?.renewContract, error, 'QuoteRequest');
  }

  return {
    sign: (id: string) => contractStep('sign', id),
    recordDelivery: (id: string) => contractStep('recordDelivery', id),
    acceptDelivery: (id: string) => contractStep('acceptDelivery', id),
    disputeDelivery,
    recordPayment,
    placeCallOff,
    deliverCallOff,
    renew,
  };
}
