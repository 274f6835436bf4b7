package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class KernelNumbersTest {

  @Test
  void sysfsIntegers() {
    assertThat(KernelNumbers.parseInteger("1500")).hasValue(1500);
    assertThat(KernelNumbers.parseInteger("-1")).hasValue(-1);
    assertThat(KernelNumbers.parseInteger("0x1003")).hasValue(4099);
    assertThat(KernelNumbers.parseInteger("-9223372036854775808")).hasValue(Long.MIN_VALUE);
    assertThat(KernelNumbers.parseInteger("9223372036854775808")).isEmpty();
    assertThat(KernelNumbers.parseInteger("")).isEmpty();
    assertThat(KernelNumbers.parseInteger("1 500")).isEmpty();
    assertThat(KernelNumbers.parseInteger("\u0665")).isEmpty(); // an Arabic-Indic five is not the kernel's
  }

  @Test
  void unsignedDecimalOrHexadecimal() {
    assertThat(KernelNumbers.parseUnsigned("18446744073709551615")).isEqualTo(OptionalLong.of(-1L));
    assertThat(KernelNumbers.parseUnsigned("18446744073709551616")).isEmpty();
    assertThat(KernelNumbers.parseUnsigned("0xffffffffffffffff")).isEqualTo(OptionalLong.of(-1L));
    assertThat(KernelNumbers.parseUnsigned("0x1ffffffffffffffff")).isEmpty();
    assertThat(KernelNumbers.parseUnsigned("0x")).isEmpty();
    assertThat(KernelNumbers.parseUnsigned("-3")).isEmpty();
  }

  @Test
  void unsignedBitsAsTheNearestDouble() {
    assertThat(KernelNumbers.unsignedToDouble(-1L)).isEqualTo(18446744073709551615.0);
    assertThat(KernelNumbers.unsignedToDouble(Long.MIN_VALUE)).isEqualTo(9223372036854775808.0);
    assertThat(KernelNumbers.unsignedToDouble(42)).isEqualTo(42.0);
    // halfway between two doubles but for its last bit: rounds up, as Go's float64(uint64)
    assertThat(KernelNumbers.unsignedToDouble(0x8000000000000401L)).isEqualTo(9.223372036854778E18);
  }

  @Test
  void unsignedDecimalOnly() {
    assertThat(KernelNumbers.parseUnsignedDecimal("000000000000000000000042")).hasValue(42);
    assertThat(KernelNumbers.parseUnsignedDecimal("18446744073709551615")).hasValue(-1L);
    for (String bad : new String[] {"", "+5", "-1", "0x10", "1 2", "\u0665", "18446744073709551616"}) {
      assertThat(KernelNumbers.parseUnsignedDecimal(bad)).as(bad).isEmpty();
    }
  }
}
