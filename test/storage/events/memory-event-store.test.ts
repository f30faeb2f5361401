// Runs the EventStore conformance suite on MemoryEventStore.
import { MemoryEventStore } from '../../../storage/events/memory-event-store.js';
import { suite } from './conformance.js';

suite('MemoryEventStore', async () => new MemoryEventStore());
