// expect: MLE|RE
// Allocates 1 GiB in 16 MiB arrays (the JVM zeroes each one, touching its pages).
import java.util.ArrayList;
import java.util.List;

public class Main {
    public static void main(String[] args) {
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            byte[] block = new byte[16 << 20];
            java.util.Arrays.fill(block, (byte) (i + 1));
            blocks.add(block);
        }
        System.out.println(blocks.size());
    }
}
