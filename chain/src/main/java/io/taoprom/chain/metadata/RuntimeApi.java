package io.taoprom.chain.metadata;

import java.util.List;

/**
 * A runtime API trait (V15 only), callable with {@code state_call("<Api>_<method>", args)}.
 *
 * @param name the trait name ({@code Metadata}, {@code NeuronInfoRuntimeApi})
 * @param methods its methods
 * @param docs documentation lines
 */
public record RuntimeApi(String name, List<Method> methods, List<String> docs) {

  /** One method: named, typed inputs and the output type. */
  public record Method(String name, List<Param> inputs, int output, List<String> docs) {}

  /** An input of a method. */
  public record Param(String name, int type) {}

  /** The method with this name, or null. */
  public Method method(String methodName) {
    for (Method m : methods) {
      if (m.name().equals(methodName)) {
        return m;
      }
    }
    return null;
  }
}
