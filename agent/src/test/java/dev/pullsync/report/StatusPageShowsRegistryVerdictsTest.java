package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The status page has a Registries table: a row for each Registry's login verdict and one per
 * {@code verify} image, with verdicts that are not accepted/pullable highlighted and every text
 * escaped; a report without registry checks has no such table.
 */
class StatusPageShowsRegistryVerdictsTest {
  static final Instant AT = Instant.parse("2026-11-30T07:00:00Z");

  static Report report(List<Report.RegistryCheck> registries) {
    return new Report(
            "prod",
            "pullsync.prod",
            "main@sha1:0123456789abcdef0123456789abcdef01234567",
            Optional.empty(),
            Report.Result.DEGRADED,
            AT,
            new Report.Counts(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1),
            List.of(),
            List.of())
        .withRegistries(registries);
  }

  @Test
  void loginAndImageVerdictsHaveRowsAndProblemsStandOut() {
    String html =
        new HtmlReport()
            .render(
                report(
                    List.of(
                        new Report.RegistryCheck(
                            "harbor",
                            "harbor.example.com",
                            "accepted",
                            "basic, 200",
                            AT,
                            List.of(
                                new Report.ImageCheck("team/app:v1", "pullable", "basic, 200", AT),
                                new Report.ImageCheck(
                                    "team/<b>:v2", "denied", "basic, 403 & more", AT))),
                        new Report.RegistryCheck("ghcr", "ghcr.io", "rejected", "401", AT))));

    assertThat(html)
        .contains("<h2>Registries</h2>")
        .contains(
            "<tr data-verdict=\"accepted\"><td>harbor</td><td>harbor.example.com</td>"
                + "<td>login</td><td>accepted</td><td>basic, 200</td><td>"
                + AT
                + "</td></tr>")
        .contains(
            "<tr data-verdict=\"pullable\"><td>harbor</td><td>harbor.example.com</td>"
                + "<td>image team/app:v1</td><td>pullable</td>")
        .contains(
            "<tr class=\"attention\" data-verdict=\"denied\"><td>harbor</td>"
                + "<td>harbor.example.com</td><td>image team/&lt;b&gt;:v2</td><td>denied</td>"
                + "<td>basic, 403 &amp; more</td>")
        .contains("<tr class=\"attention\" data-verdict=\"rejected\"><td>ghcr</td>");
    assertThat(new HtmlReport().render(report(List.of()))).doesNotContain("id=\"registries\"");
  }
}
