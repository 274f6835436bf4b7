package io.taoprom.metrics.host.schedstat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedstatCollectorTest {

  private static ProcFs fixture(String machine) throws URISyntaxException {
    return ProcFs.at(Path.of(SchedstatCollectorTest.class.getResource("/io/taoprom/metrics/host/schedstat/" + machine).toURI()));
  }

  @Test
  void thisVmsKernelHasNoSchedstatsAndYieldsNothing(@TempDir Path dir) {
    // This VM's kernel is built without CONFIG_SCHEDSTATS: there is no /proc/schedstat to copy.
    assertThat(HostFixtures.text(new SchedstatCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void goldenTextOfA64CpuGpuServer() throws Exception {
    assertThat(HostFixtures.text(new SchedstatCollector(fixture("gpu-server"))))
        .isEqualTo(
            """
            # HELP node_schedstat_running_seconds_total Number of seconds CPU spent running a process.
            # TYPE node_schedstat_running_seconds_total counter
            node_schedstat_running_seconds_total{cpu="0"} 141567.734747672
            node_schedstat_running_seconds_total{cpu="1"} 860640.834802791
            node_schedstat_running_seconds_total{cpu="10"} 610588.928214952
            node_schedstat_running_seconds_total{cpu="11"} 408377.204673107
            node_schedstat_running_seconds_total{cpu="12"} 551479.785953021
            node_schedstat_running_seconds_total{cpu="13"} 594403.031324133
            node_schedstat_running_seconds_total{cpu="14"} 584427.468661223
            node_schedstat_running_seconds_total{cpu="15"} 830643.806806894
            node_schedstat_running_seconds_total{cpu="16"} 716043.116404025
            node_schedstat_running_seconds_total{cpu="17"} 681294.491939441
            node_schedstat_running_seconds_total{cpu="18"} 543479.317816112
            node_schedstat_running_seconds_total{cpu="19"} 897149.116277721
            node_schedstat_running_seconds_total{cpu="2"} 316445.583355117
            node_schedstat_running_seconds_total{cpu="20"} 715696.612409157
            node_schedstat_running_seconds_total{cpu="21"} 226967.341602602
            node_schedstat_running_seconds_total{cpu="22"} 279075.650967644
            node_schedstat_running_seconds_total{cpu="23"} 203342.24463869
            node_schedstat_running_seconds_total{cpu="24"} 555776.574545338
            node_schedstat_running_seconds_total{cpu="25"} 834788.066283947
            node_schedstat_running_seconds_total{cpu="26"} 14231.261816447
            node_schedstat_running_seconds_total{cpu="27"} 753350.015286649
            node_schedstat_running_seconds_total{cpu="28"} 243776.751744837
            node_schedstat_running_seconds_total{cpu="29"} 297748.535866782
            node_schedstat_running_seconds_total{cpu="3"} 768093.749411128
            node_schedstat_running_seconds_total{cpu="30"} 368769.548393371
            node_schedstat_running_seconds_total{cpu="31"} 220485.692446597
            node_schedstat_running_seconds_total{cpu="32"} 194884.419471276
            node_schedstat_running_seconds_total{cpu="33"} 119413.266490368
            node_schedstat_running_seconds_total{cpu="34"} 601191.749268595
            node_schedstat_running_seconds_total{cpu="35"} 878011.678866098
            node_schedstat_running_seconds_total{cpu="36"} 136049.378248831
            node_schedstat_running_seconds_total{cpu="37"} 140216.28665096
            node_schedstat_running_seconds_total{cpu="38"} 300971.83496243
            node_schedstat_running_seconds_total{cpu="39"} 589126.093268232
            node_schedstat_running_seconds_total{cpu="4"} 671622.018063751
            node_schedstat_running_seconds_total{cpu="40"} 210694.798997739
            node_schedstat_running_seconds_total{cpu="41"} 340590.350045696
            node_schedstat_running_seconds_total{cpu="42"} 152997.955438673
            node_schedstat_running_seconds_total{cpu="43"} 730138.446098599
            node_schedstat_running_seconds_total{cpu="44"} 664155.84998307
            node_schedstat_running_seconds_total{cpu="45"} 876804.336656947
            node_schedstat_running_seconds_total{cpu="46"} 605009.202518728
            node_schedstat_running_seconds_total{cpu="47"} 312166.820110056
            node_schedstat_running_seconds_total{cpu="48"} 182441.833118652
            node_schedstat_running_seconds_total{cpu="49"} 20042.684215116
            node_schedstat_running_seconds_total{cpu="5"} 559275.855304673
            node_schedstat_running_seconds_total{cpu="50"} 243799.444521028
            node_schedstat_running_seconds_total{cpu="51"} 498964.165237606
            node_schedstat_running_seconds_total{cpu="52"} 500581.936506921
            node_schedstat_running_seconds_total{cpu="53"} 739034.995243203
            node_schedstat_running_seconds_total{cpu="54"} 43880.722853451
            node_schedstat_running_seconds_total{cpu="55"} 841702.427650522
            node_schedstat_running_seconds_total{cpu="56"} 275413.910489322
            node_schedstat_running_seconds_total{cpu="57"} 837658.037772081
            node_schedstat_running_seconds_total{cpu="58"} 568553.513372499
            node_schedstat_running_seconds_total{cpu="59"} 98671.446815426
            node_schedstat_running_seconds_total{cpu="6"} 682721.844891103
            node_schedstat_running_seconds_total{cpu="60"} 757397.006061194
            node_schedstat_running_seconds_total{cpu="61"} 691288.869817121
            node_schedstat_running_seconds_total{cpu="62"} 488366.289399875
            node_schedstat_running_seconds_total{cpu="63"} 28360.405833706
            node_schedstat_running_seconds_total{cpu="7"} 214842.192124614
            node_schedstat_running_seconds_total{cpu="8"} 701438.509963386
            node_schedstat_running_seconds_total{cpu="9"} 699558.775647774
            # HELP node_schedstat_timeslices_total Number of timeslices executed by CPU.
            # TYPE node_schedstat_timeslices_total counter
            node_schedstat_timeslices_total{cpu="0"} 8.537722333E9
            node_schedstat_timeslices_total{cpu="1"} 5.705471778E9
            node_schedstat_timeslices_total{cpu="10"} 8.368665873E9
            node_schedstat_timeslices_total{cpu="11"} 7.097716095E9
            node_schedstat_timeslices_total{cpu="12"} 7.295041197E9
            node_schedstat_timeslices_total{cpu="13"} 3.077153917E9
            node_schedstat_timeslices_total{cpu="14"} 1.868485698E9
            node_schedstat_timeslices_total{cpu="15"} 1.052453077E9
            node_schedstat_timeslices_total{cpu="16"} 8.628905178E9
            node_schedstat_timeslices_total{cpu="17"} 6.696314745E9
            node_schedstat_timeslices_total{cpu="18"} 3.421153732E9
            node_schedstat_timeslices_total{cpu="19"} 3.4000719E7
            node_schedstat_timeslices_total{cpu="2"} 6.517758466E9
            node_schedstat_timeslices_total{cpu="20"} 7.293491283E9
            node_schedstat_timeslices_total{cpu="21"} 5.816197071E9
            node_schedstat_timeslices_total{cpu="22"} 1.766897892E9
            node_schedstat_timeslices_total{cpu="23"} 9.4746725E7
            node_schedstat_timeslices_total{cpu="24"} 2.746923102E9
            node_schedstat_timeslices_total{cpu="25"} 8.774232498E9
            node_schedstat_timeslices_total{cpu="26"} 5.9752871E8
            node_schedstat_timeslices_total{cpu="27"} 5.327177178E9
            node_schedstat_timeslices_total{cpu="28"} 8.256635341E9
            node_schedstat_timeslices_total{cpu="29"} 1.376469957E9
            node_schedstat_timeslices_total{cpu="3"} 4.874246442E9
            node_schedstat_timeslices_total{cpu="30"} 3.15573275E8
            node_schedstat_timeslices_total{cpu="31"} 8.34352249E8
            node_schedstat_timeslices_total{cpu="32"} 6.385756189E9
            node_schedstat_timeslices_total{cpu="33"} 1.861531697E9
            node_schedstat_timeslices_total{cpu="34"} 2.41765199E8
            node_schedstat_timeslices_total{cpu="35"} 4.218292955E9
            node_schedstat_timeslices_total{cpu="36"} 3.71907045E8
            node_schedstat_timeslices_total{cpu="37"} 8.41090005E9
            node_schedstat_timeslices_total{cpu="38"} 1.673247358E9
            node_schedstat_timeslices_total{cpu="39"} 1.6009686E9
            node_schedstat_timeslices_total{cpu="4"} 6.234704123E9
            node_schedstat_timeslices_total{cpu="40"} 5.252474248E9
            node_schedstat_timeslices_total{cpu="41"} 8.338988553E9
            node_schedstat_timeslices_total{cpu="42"} 2.799234953E9
            node_schedstat_timeslices_total{cpu="43"} 6.09920776E9
            node_schedstat_timeslices_total{cpu="44"} 2.637347795E9
            node_schedstat_timeslices_total{cpu="45"} 6.793417802E9
            node_schedstat_timeslices_total{cpu="46"} 2.932936215E9
            node_schedstat_timeslices_total{cpu="47"} 6.6491914E9
            node_schedstat_timeslices_total{cpu="48"} 3.085101873E9
            node_schedstat_timeslices_total{cpu="49"} 7.853381106E9
            node_schedstat_timeslices_total{cpu="5"} 3.941005E9
            node_schedstat_timeslices_total{cpu="50"} 2.689117897E9
            node_schedstat_timeslices_total{cpu="51"} 3.199852364E9
            node_schedstat_timeslices_total{cpu="52"} 6.263110026E9
            node_schedstat_timeslices_total{cpu="53"} 2.962832724E9
            node_schedstat_timeslices_total{cpu="54"} 5.358660307E9
            node_schedstat_timeslices_total{cpu="55"} 5.24782316E8
            node_schedstat_timeslices_total{cpu="56"} 3.744240459E9
            node_schedstat_timeslices_total{cpu="57"} 6.912714056E9
            node_schedstat_timeslices_total{cpu="58"} 7.873184187E9
            node_schedstat_timeslices_total{cpu="59"} 6.270933203E9
            node_schedstat_timeslices_total{cpu="6"} 3.690815085E9
            node_schedstat_timeslices_total{cpu="60"} 2.882759967E9
            node_schedstat_timeslices_total{cpu="61"} 1.079710103E9
            node_schedstat_timeslices_total{cpu="62"} 1.37281743E8
            node_schedstat_timeslices_total{cpu="63"} 6.213046184E9
            node_schedstat_timeslices_total{cpu="7"} 2.361885409E9
            node_schedstat_timeslices_total{cpu="8"} 8.586745315E9
            node_schedstat_timeslices_total{cpu="9"} 6.613997594E9
            # HELP node_schedstat_waiting_seconds_total Number of seconds spent by processing waiting for this CPU.
            # TYPE node_schedstat_waiting_seconds_total counter
            node_schedstat_waiting_seconds_total{cpu="0"} 3587.780134736
            node_schedstat_waiting_seconds_total{cpu="1"} 8823.742542324
            node_schedstat_waiting_seconds_total{cpu="10"} 6788.186914287
            node_schedstat_waiting_seconds_total{cpu="11"} 7438.098336309
            node_schedstat_waiting_seconds_total{cpu="12"} 8197.518535569
            node_schedstat_waiting_seconds_total{cpu="13"} 2438.427604939
            node_schedstat_waiting_seconds_total{cpu="14"} 649.906195281
            node_schedstat_waiting_seconds_total{cpu="15"} 5137.971148236
            node_schedstat_waiting_seconds_total{cpu="16"} 8159.049835196
            node_schedstat_waiting_seconds_total{cpu="17"} 4872.338305284
            node_schedstat_waiting_seconds_total{cpu="18"} 853.534149326
            node_schedstat_waiting_seconds_total{cpu="19"} 8914.836426974
            node_schedstat_waiting_seconds_total{cpu="2"} 7421.510168852
            node_schedstat_waiting_seconds_total{cpu="20"} 6767.253083774
            node_schedstat_waiting_seconds_total{cpu="21"} 3064.203161319
            node_schedstat_waiting_seconds_total{cpu="22"} 4467.979292082
            node_schedstat_waiting_seconds_total{cpu="23"} 4123.323449444
            node_schedstat_waiting_seconds_total{cpu="24"} 1137.674544951
            node_schedstat_waiting_seconds_total{cpu="25"} 1089.064889056
            node_schedstat_waiting_seconds_total{cpu="26"} 8289.977497925
            node_schedstat_waiting_seconds_total{cpu="27"} 6563.25806467
            node_schedstat_waiting_seconds_total{cpu="28"} 6929.532038173
            node_schedstat_waiting_seconds_total{cpu="29"} 2140.57965007
            node_schedstat_waiting_seconds_total{cpu="3"} 8197.235999061
            node_schedstat_waiting_seconds_total{cpu="30"} 7876.143457208
            node_schedstat_waiting_seconds_total{cpu="31"} 8333.273470584
            node_schedstat_waiting_seconds_total{cpu="32"} 1210.830635141
            node_schedstat_waiting_seconds_total{cpu="33"} 1567.329141376
            node_schedstat_waiting_seconds_total{cpu="34"} 4931.772130746
            node_schedstat_waiting_seconds_total{cpu="35"} 2014.755924986
            node_schedstat_waiting_seconds_total{cpu="36"} 8876.485954655
            node_schedstat_waiting_seconds_total{cpu="37"} 8367.741430962
            node_schedstat_waiting_seconds_total{cpu="38"} 8383.825643619
            node_schedstat_waiting_seconds_total{cpu="39"} 191.611248918
            node_schedstat_waiting_seconds_total{cpu="4"} 6756.894591414
            node_schedstat_waiting_seconds_total{cpu="40"} 3137.730756669
            node_schedstat_waiting_seconds_total{cpu="41"} 6054.203971491
            node_schedstat_waiting_seconds_total{cpu="42"} 545.798437004
            node_schedstat_waiting_seconds_total{cpu="43"} 8074.233431111
            node_schedstat_waiting_seconds_total{cpu="44"} 7122.389079907
            node_schedstat_waiting_seconds_total{cpu="45"} 4439.501414492
            node_schedstat_waiting_seconds_total{cpu="46"} 6378.28455739
            node_schedstat_waiting_seconds_total{cpu="47"} 4395.574037842
            node_schedstat_waiting_seconds_total{cpu="48"} 3697.442778507
            node_schedstat_waiting_seconds_total{cpu="49"} 6690.611852339
            node_schedstat_waiting_seconds_total{cpu="5"} 6633.531801217
            node_schedstat_waiting_seconds_total{cpu="50"} 7567.847970841
            node_schedstat_waiting_seconds_total{cpu="51"} 7998.011120583
            node_schedstat_waiting_seconds_total{cpu="52"} 1687.940080171
            node_schedstat_waiting_seconds_total{cpu="53"} 4202.668927359
            node_schedstat_waiting_seconds_total{cpu="54"} 3655.488985923
            node_schedstat_waiting_seconds_total{cpu="55"} 5483.672784156
            node_schedstat_waiting_seconds_total{cpu="56"} 8232.3674844
            node_schedstat_waiting_seconds_total{cpu="57"} 316.271858815
            node_schedstat_waiting_seconds_total{cpu="58"} 2637.389842108
            node_schedstat_waiting_seconds_total{cpu="59"} 4669.343138774
            node_schedstat_waiting_seconds_total{cpu="6"} 3229.000547403
            node_schedstat_waiting_seconds_total{cpu="60"} 8010.17626808
            node_schedstat_waiting_seconds_total{cpu="61"} 6570.331281245
            node_schedstat_waiting_seconds_total{cpu="62"} 543.06926518
            node_schedstat_waiting_seconds_total{cpu="63"} 1734.750027864
            node_schedstat_waiting_seconds_total{cpu="7"} 4203.600633759
            node_schedstat_waiting_seconds_total{cpu="8"} 2732.367222268
            node_schedstat_waiting_seconds_total{cpu="9"} 343.811437422
            """);
  }

  @Test
  void cpuLinesWithFewerNumbersAreRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("schedstat"), "version 15\ntimestamp 1\ncpu0 0 0 1 2 3 4 5 6\n");

    assertThatThrownBy(() -> new SchedstatCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(MalformedFileException.class)
        .hasMessageContaining(dir.resolve("schedstat") + " line 3 is not \"cpuN\" and 9 numbers: \"cpu0 0 0 1 2 3 4 5 6\"");
  }

  @Test
  void cpuLinesWithMoreNumbersAreRefusedRatherThanReadFromTheWrongColumns(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("schedstat"), "version 18\ncpu0 0 0 1 2 3 4 5 6 7 8\n");

    assertThatThrownBy(() -> new SchedstatCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 2 is not \"cpuN\" and 9 numbers");
  }

  @Test
  void anOlderVersionIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("schedstat"), "version 14\ntimestamp 1\ncpu0 0 0 0 0 1 2 3 4 5 6 7 8\n");

    assertThatThrownBy(() -> new SchedstatCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining(dir.resolve("schedstat") + " line 1 is a version before 15, whose CPU lines differ: \"version 14\"");
  }

  @Test
  void aFileThatDoesNotStartWithItsVersionIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("schedstat"), "cpu0 0 0 0 0 0 0 1 2 3\n");
    assertThatThrownBy(() -> new SchedstatCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 1 is not \"version N\"");

    Files.writeString(dir.resolve("schedstat"), "");
    assertThatThrownBy(() -> new SchedstatCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining(dir.resolve("schedstat") + " is empty");
  }

  @Test
  void aMalformedNumberOrCpuIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("schedstat"), "version 17\ncpu0 0 0 0 0 0 0 1 2x 3\n");
    assertThatThrownBy(() -> new SchedstatCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 2 is malformed: \"cpu0 0 0 0 0 0 0 1 2x 3\"");

    Files.writeString(dir.resolve("schedstat"), "version 17\ncpux 0 0 0 0 0 0 1 2 3\n");
    assertThatThrownBy(() -> new SchedstatCollector(ProcFs.at(dir)).collect()).hasMessageContaining("line 2 is not \"cpuN\"");

    Files.writeString(dir.resolve("schedstat"), "version 17\ncpu0 0 0 0 0 0 0 1 2 3\ncpu0 0 0 0 0 0 0 1 2 3\n");
    assertThatThrownBy(() -> new SchedstatCollector(ProcFs.at(dir)).collect()).hasMessageContaining("line 3 repeats a CPU");
  }

  @Test
  void newerVersionsWithTheSameCpuLinesAreRead(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("schedstat"), "version 17\ntimestamp 1\ncpu3 0 0 0 0 0 0 2500000000 1 7\n"
        + "domain0 MC 00000000,0000000f 1 2 3\n");

    assertThat(HostFixtures.text(new SchedstatCollector(ProcFs.at(dir))))
        .contains("node_schedstat_running_seconds_total{cpu=\"3\"} 2.5\n", "node_schedstat_waiting_seconds_total{cpu=\"3\"} 1.0E-9\n",
            "node_schedstat_timeslices_total{cpu=\"3\"} 7.0\n");
  }
}
