import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvalidInputError } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import type { DocumentKindRule, ErrorEntity } from '@smedx/contracts';

/** One kind of evidence an owner takes, with its Chinese name, and whether its rule requires it. */
export type { DocumentKindRule } from '@smedx/contracts';

/** What the caller may do with an owner's documents, decided by the owner's own policy. */
export interface DocumentOwnerAccess {
  /** Reads the owner, so its documents (the same policy as the owner's routes). */
  read: boolean;
  /** Attaches or replaces documents (the owning organisation's members). */
  attach: boolean;
  /** Marks documents accepted or questioned (the reviewer at the owner's current stage). */
  review: boolean;
  /** Decided: documents are kept as they were; a replacement is a new version, marks no longer change. */
  frozen: boolean;
  /** The organisation the owner belongs to (its members attach; its quota counts), if any. */
  organisationId: string | null;
}

/**
 * An owner of documents, registered by the context that owns the object
 * (subsidy applications, providers, projects; nominations register theirs
 * the same way): which kinds it takes, and who may do what.
 */
export interface DocumentOwnerType {
  /** Stored in `document.owner_kind`; lower snake case. */
  readonly ownerKind: ErrorEntity;
  /** Chinese, for messages and archive names. */
  readonly label: string;
  readonly kinds: readonly DocumentKindRule[];
  /** Null when the owner does not exist. `tx` is given inside a write, to read the owner's current state. */
  access(actor: Principal | null, ownerId: string, tx?: EntityManager): Promise<DocumentOwnerAccess | null>;
  /**
   * Until when the owner's documents must be kept (audits), given the
   * configured retention in years; null while that is not yet known (the
   * owner is still live) — such documents are kept.
   */
  retainUntil?(ownerId: string, retentionYears: number): Promise<Date | null>;
}

/** The owner types, filled by each owning context's `onModuleInit`. */
@Injectable()
export class DocumentOwners {
  private readonly types = new Map<string, DocumentOwnerType>();

  register(type: DocumentOwnerType): void {
    if (this.types.has(type.ownerKind)) throw new Error(`document owner kind ${type.ownerKind} registered twice`);
    this.types.set(type.ownerKind, type);
  }

  /** The owner type, or 400 naming `ownerKind`. */
  get(ownerKind: string): DocumentOwnerType {
    const type = this.types.get(ownerKind);
    if (!type) {
      throw new InvalidInputError([{ field: 'ownerKind', reason: `must be one of ${[...this.types.keys()].join(', ')}` }]);
    }
    return type;
  }

  all(): DocumentOwnerType[] {
    return [...this.types.values()];
  }
}

/** The kinds of `rules` that `present` lacks, in the rule's order. */
export function missingKinds(rules: readonly DocumentKindRule[], present: Iterable<string>): DocumentKindRule[] {
  const have = new Set(present);
  return rules.filter((r) => r.required && !have.has(r.kind));
}
