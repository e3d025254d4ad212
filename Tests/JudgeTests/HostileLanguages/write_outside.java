// expect: RE
// Writes a file outside the run's directory, at the path the harness watches.
import java.nio.file.Files;
import java.nio.file.Path;

public class Main {
    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(System.getenv("PROCTOR_TEST_OUTSIDE")), "ESCAPED\n");
        System.out.println("ESCAPED");
    }
}
