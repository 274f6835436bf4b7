/** JMH benchmarks of TaoProm's hot paths; run {@code java -jar benchmarks/target/benchmarks.jar}. */
package io.taoprom.benchmarks;
