import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { InvalidStateError, NotFoundError } from '../../api/errors.js';
import { connectionOf, PageArgs } from '../../api/pagination.js';
import { AccountInput } from '../audience/audience.types.js';
import { ContentBlock, ContentKind, ContentPlacement, ContentStatus } from './content.entity.js';

export const MAX_SLOT_PRODUCTS = 12;
export const MAX_TARGETS = 20;
export const MAX_PLACED = 10;

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };

@InputType({
  description: 'Everyone, or the members of ANY of the segments and tags (at least one given).',
})
export class ContentTargetInput {
  @Field(() => Boolean, { defaultValue: false, description: 'True: no segments or tags.' })
  everyone: boolean;

  @Field(() => [ID], { defaultValue: [], description: 'Your segments (admins: any).' })
  @ArrayMaxSize(MAX_TARGETS)
  segmentIds: string[];

  @Field(() => [String], { defaultValue: [], description: 'Your tags, as tagAccount keeps them.' })
  @ArrayMaxSize(MAX_TARGETS)
  tags: string[];
}

/** What a block shows, where, to whom and when: the fields of create and update alike (a base of both inputs, never an argument itself, so not in the schema). */
@InputType()
export abstract class ContentBlockFields {
  @Field(() => ContentPlacement)
  placement: ContentPlacement;

  @Field(() => String)
  @Length(1, 120)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  body?: string | null;

  @Field(() => String, { nullable: true, description: 'Banners only: an http(s) URL.' })
  @IsOptional()
  @MaxLength(500)
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  imageUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Banners only: an http(s) URL.' })
  @IsOptional()
  @MaxLength(500)
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  linkUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Banners only, with linkUrl.' })
  @IsOptional()
  @Length(1, 40)
  callToAction?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: `Product slots only: 1 to ${MAX_SLOT_PRODUCTS} of your products (admins: any).`,
  })
  productIds: string[];

  @Field(() => ContentTargetInput)
  @ValidateNested()
  target: ContentTargetInput;

  @Field(() => Int, { defaultValue: 0, description: '0 to 1000; higher shows first.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  priority: number;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'After startsAt.' })
  endsAt?: Date | null;

  @Field(() => ContentStatus, {
    defaultValue: ContentStatus.DRAFT,
    description: 'DRAFT or ACTIVE (archiveContentBlock archives).',
  })
  status: ContentStatus;
}

@InputType()
export class CreateContentBlockInput extends ContentBlockFields {
  @Field(() => ContentKind)
  kind: ContentKind;
}

@InputType({ description: 'Replaces every field but the kind; an archived block stays as is.' })
export class UpdateContentBlockInput extends ContentBlockFields {
  @Field(() => ID)
  id: string;
}

@ArgsType()
export class ContentBlocksArgs extends PageArgs {
  @Field(() => ContentPlacement, { nullable: true })
  placement?: ContentPlacement | null;

  @Field(() => ContentStatus, { nullable: true })
  status?: ContentStatus | null;
}

@ArgsType()
export class PlacedContentArgs {
  @Field(() => ContentPlacement)
  placement: ContentPlacement;

  @Field(() => Int, { defaultValue: 3, description: `1 to ${MAX_PLACED}.` })
  @Min(1)
  @Max(MAX_PLACED)
  first: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'PORTAL_DASHBOARD: the company you act for, when you are a member of several ' +
      '(default: your first).',
  })
  companyId?: string | null;
}

@ArgsType()
export class ContentPreviewArgs extends PlacedContentArgs {
  @Field(() => AccountInput, {
    description: "Whose view: seller staff, one of their shop's customers; admins, anyone.",
  })
  @ValidateNested()
  account: AccountInput;

  @Field(() => Boolean, { defaultValue: false, description: 'Count drafts as active.' })
  includeDrafts: boolean;
}

@ObjectType({
  description: 'Whom a block shows to (seen by those who keep it).',
  simpleResolvers: true,
})
export class ContentTarget {
  @Field(() => Boolean)
  everyone: boolean;

  segmentIds: number[];

  @Field(() => [String])
  tags: string[];
}

export const ContentBlockConnection = connectionOf(ContentBlock, {
  description: 'A page of content blocks (Relay connection), newest first.',
  counted: 'Content blocks matching the filter',
});
export type ContentBlockConnection = InstanceType<typeof ContentBlockConnection>;

export const ContentBlockResult = createUnionType({
  name: 'ContentBlockResult',
  types: () => [ContentBlock, NotFoundError, InvalidStateError] as const,
});
