package dev.pullsync.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.json.JsonMapper;

/** The packaged report schema, for validating rendered YAML in tests. */
public final class ReportSchema {
  private static final Schema SCHEMA = load();

  private ReportSchema() {}

  public static List<Error> errors(String yaml) {
    Object tree = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return SCHEMA.validate(JsonMapper.builder().build().valueToTree(tree));
  }

  private static Schema load() {
    try (InputStream in =
        ReportSchema.class.getResourceAsStream("/pullsync/schemas/report.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
