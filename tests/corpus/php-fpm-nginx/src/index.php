<?php echo "hello"; ?>
