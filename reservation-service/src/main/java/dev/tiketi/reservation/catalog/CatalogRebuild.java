package dev.tiketi.reservation.catalog;

import dev.tiketi.events.EventCodec;
import dev.tiketi.events.EventEnvelope;
import dev.tiketi.events.MalformedEventException;
import dev.tiketi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rebuilds the copy of the catalog: empties it, then reads {@code event.events} from its first offset up to the
 * end it had when the rebuild began, applying every catalog event as the live consumer does. The reader belongs
 * to no consumer group, so the live consumer's offsets stay as they are; it keeps running meanwhile, and since
 * every write of the copy is guarded by the event's version, the two can apply the same events in any order.
 * While the rebuild runs, an event it has not reached yet is unknown to holds (they wait a moment, then get a
 * 404): an operator's repair, run outside a sale.
 */
@Component
class CatalogRebuild {

    private static final Logger log = LoggerFactory.getLogger(CatalogRebuild.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CatalogCopy copy;
    private final EventCatalog catalog;
    private final EventCodec codec;
    private final Map<String, Object> consumerConfig;
    private final ReentrantLock running = new ReentrantLock();

    CatalogRebuild(CatalogCopy copy, EventCatalog catalog, EventCodec codec, KafkaProperties kafka) {
        this.copy = copy;
        this.catalog = catalog;
        this.codec = codec;
        this.consumerConfig = Map.copyOf(kafka.buildConsumerProperties());
    }

    /**
     * @param records catalog events applied
     * @param skipped records that were no catalog event (the live consumer dead-lettered them)
     * @param size    the copy afterwards
     */
    public record Result(long records, long skipped, CatalogCopy.Size size) {
    }

    /** @throws IllegalStateException when a rebuild is running already on this instance */
    Result rebuild() {
        if (!running.tryLock()) {
            throw new IllegalStateException("a rebuild of the catalog copy is running already");
        }
        try {
            return replay();
        } finally {
            running.unlock();
        }
    }

    private Result replay() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long records = 0;
        long skipped = 0;
        long started = System.nanoTime();
        try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENT_EVENTS, TIMEOUT).stream()
                    .map(info -> new TopicPartition(Topics.EVENT_EVENTS, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            copy.clear();
            catalog.forgetAll();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        EventEnvelope envelope = codec.decode(record.value());
                        copy.apply(envelope, CatalogCopyListener.catalogEvent(codec, envelope));
                        records++;
                    } catch (MalformedEventException e) {
                        skipped++;
                    }
                }
            }
        }
        catalog.forgetAll();
        Result result = new Result(records, skipped, copy.size());
        log.info("Catalog copy rebuilt from {} in {} ms: {} records applied, {} skipped; {} events, {} seats",
                Topics.EVENT_EVENTS, (System.nanoTime() - started) / 1_000_000, records, skipped,
                result.size().events(), result.size().seats());
        return result;
    }
}
