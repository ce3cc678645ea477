//! UPU CN 22 / CN 23 postal customs declarations as data, with their validation.
