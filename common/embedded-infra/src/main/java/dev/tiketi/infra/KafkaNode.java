package dev.tiketi.infra;

/** A running single-node Kafka, throw-away or persistent. */
interface KafkaNode extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
